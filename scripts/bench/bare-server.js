// The benchmark's ceiling: plain node:http answering every request with the bytes and headers
// of one captured module page. Usage: node bare-server.js <port> <capture.json>
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [port, capture] = process.argv.slice(2);
const { headers, body } = JSON.parse(readFileSync(capture, 'utf8'));
const bytes = Buffer.from(body, 'base64');

createServer((req, res) => {
	req.resume();
	res.writeHead(200, { ...headers, 'content-length': bytes.length });
	res.end(bytes);
}).listen(Number(port), '127.0.0.1', () => console.log(`bare server on ${port}`));

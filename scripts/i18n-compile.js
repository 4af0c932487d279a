// Compiles the interface messages the same way the Vite plugin does (for svelte-check).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile(paraglideOptions);

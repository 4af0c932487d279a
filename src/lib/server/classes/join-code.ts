import { randomCode } from '../security/codes';

export const JOIN_CODE_LENGTH = 6;

export const generateJoinCode = () => randomCode(JOIN_CODE_LENGTH);

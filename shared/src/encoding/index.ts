export { base64urlDecode, base64urlEncode } from './base64url'
export { utf8Decode, utf8Encode } from './utf8'

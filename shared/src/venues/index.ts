export {
  MAX_VENUE_CODE_LENGTH,
  VENUE_CODE_SIGNATURE_BYTES,
  parseVenueCode,
  venueCodeSigningInput,
  venueCodeText,
  type VenueCode,
  type VenueCodeParseResult,
} from './venueCode'

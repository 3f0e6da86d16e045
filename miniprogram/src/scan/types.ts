export type ScanOutcome =
  | { kind: 'scanned'; text: string }
  | { kind: 'cancelled' }
  | { kind: 'failed' }

// The device's QR code input: the camera in the mini-programs, or a text
// field for the scanned text where there is no scanner.
export type Scanner =
  | { kind: 'camera'; scan(): Promise<ScanOutcome> }
  | { kind: 'paste' }

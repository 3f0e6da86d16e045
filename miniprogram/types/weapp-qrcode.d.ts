// weapp-qrcode 1.0.0 ships no types. These cover the options this app
// passes; the library reads them in dist/weapp.qrcode.esm.js.
declare module 'weapp-qrcode' {
  export type QrCanvasContext = {
    setFillStyle(color: string): void
    fillRect(x: number, y: number, width: number, height: number): void
    draw(reserve?: boolean, callback?: () => void): void
  }

  export type DrawQrcodeOptions = {
    ctx: QrCanvasContext
    text: string
    width: number
    height: number
    x?: number
    y?: number
    // QR version 1 to 40; -1 picks the smallest that fits (up to 39).
    typeNumber?: number
    // L = 1, M = 0, Q = 3, H = 2, as in the library's QRErrorCorrectLevel.
    correctLevel?: number
    background?: string
    foreground?: string
    callback?: () => void
  }

  export default function drawQrcode(options: DrawQrcodeOptions): void
}

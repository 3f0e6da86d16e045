// In WeChat and Alipay a scanned poster URL opens the check-in page with
// the URL in its `q` option, which the page reads itself.
export function captureOpenedLink(): void {}

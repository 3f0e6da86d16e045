// The fixed wording of the poster, in Chinese with an English line below.

export const TITLE = { zh: '健康码 场所码', en: 'Venue check-in code' }

export const STEPS = [
  {
    zh: '1. 打开微信或支付宝，点击“扫一扫”，扫描上方二维码',
    en: '1. Open WeChat or Alipay, tap Scan and scan the code above.',
  },
  {
    zh: '2. 向门口的工作人员出示手机上的通行页面',
    en: '2. Show the pass on your phone to the guard at the door.',
  },
]

export function venueIdLine(venueId: string): string {
  return `场所编号 Venue ID: ${venueId}`
}

export function cityLine(cityName: { zh: string; en: string }): string {
  return `${cityName.zh} ${cityName.en}`
}

export default definePageConfig({ navigationBarTitleText: '登记场所' })

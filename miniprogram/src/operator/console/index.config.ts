export default definePageConfig({ navigationBarTitleText: '防疫工作台' })

export default definePageConfig({ navigationBarTitleText: '场所登记' })

export default definePageConfig({ navigationBarTitleText: '查验通行' })

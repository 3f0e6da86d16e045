export default definePageConfig({ navigationBarTitleText: '代为申报' })

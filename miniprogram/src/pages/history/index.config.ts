export default definePageConfig({ navigationBarTitleText: '到访记录' })

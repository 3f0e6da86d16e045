export default definePageConfig({ navigationBarTitleText: '出示健康码' })

export default definePageConfig({ navigationBarTitleText: '注册单位' })

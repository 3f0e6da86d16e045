export default defineAppConfig({
  // The first page is the entry: sign-in, which moves a signed-in user on.
  pages: [
    'pages/login/index',
    'pages/register/index',
    'pages/questionnaire/index',
    'pages/home/index',
  ],
  window: {
    navigationBarTitleText: '健康码',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
  },
})

export default defineAppConfig({
  // The first page is the entry: sign-in, which moves a signed-in user on.
  pages: [
    'pages/login/index',
    'pages/register/index',
    'pages/questionnaire/index',
    'pages/home/index',
    'pages/checkin/index',
    'pages/pass/index',
    'pages/history/index',
  ],
  // Sections only some accounts use. As subpackages they download when
  // first opened, which keeps the Ed25519 verification code of the guard
  // section out of the main package every resident loads.
  subPackages: [
    {
      root: 'business',
      pages: ['register/index', 'venues/index', 'venue-new/index'],
    },
    { root: 'guard', pages: ['verify/index'] },
  ],
  window: {
    navigationBarTitleText: '健康码',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
  },
})

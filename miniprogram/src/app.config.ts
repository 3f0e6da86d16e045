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
  // Sections only some accounts or occasions need. As subpackages they
  // download when first opened, which keeps the Ed25519 verification code
  // of the guard section out of the main package every resident loads.
  subPackages: [
    {
      root: 'business',
      pages: ['register/index', 'venues/index', 'venue-new/index'],
    },
    { root: 'guard', pages: ['verify/index'] },
    {
      root: 'resident',
      pages: [
        'appeals/index',
        'household/index',
        'dependent-code/index',
        'dependent-questionnaire/index',
      ],
    },
    // The operator console is meant for the H5 build in a desktop
    // browser, but stays reachable in the mini-programs without growing
    // the main package.
    { root: 'operator', pages: ['console/index'] },
  ],
  window: {
    navigationBarTitleText: '健康码',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
  },
})

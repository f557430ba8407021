export default defineAppConfig({
  pages: ['pages/login/index', 'pages/home/index'],
  // Everything beyond the first screens lives in subpackages to keep the main package small.
  subPackages: [{ root: 'account', pages: ['pages/profile/index'] }],
  window: {
    navigationBarTitleText: '社区通办',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
});

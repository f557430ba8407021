export default definePageConfig({ navigationBarTitleText: '居委工作台', enablePullDownRefresh: true });

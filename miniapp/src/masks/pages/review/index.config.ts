export default definePageConfig({ navigationBarTitleText: '预约与登记审核', enablePullDownRefresh: true });

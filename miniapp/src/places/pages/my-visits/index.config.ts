export default definePageConfig({ navigationBarTitleText: '我的到访', enablePullDownRefresh: true });

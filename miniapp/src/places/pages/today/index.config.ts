export default definePageConfig({ navigationBarTitleText: '今日到访', enablePullDownRefresh: true });

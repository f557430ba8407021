export default definePageConfig({ navigationBarTitleText: '复工备案详情', enablePullDownRefresh: true });

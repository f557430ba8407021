export default definePageConfig({ navigationBarTitleText: '复工备案', enablePullDownRefresh: true });

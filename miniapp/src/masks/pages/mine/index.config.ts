export default definePageConfig({ navigationBarTitleText: '我的口罩预约', enablePullDownRefresh: true });

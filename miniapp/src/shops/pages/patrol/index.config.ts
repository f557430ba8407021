export default definePageConfig({ navigationBarTitleText: '街面巡查', enablePullDownRefresh: true });

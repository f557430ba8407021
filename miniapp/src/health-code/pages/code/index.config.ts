export default definePageConfig({ navigationBarTitleText: '随申码', enablePullDownRefresh: true });

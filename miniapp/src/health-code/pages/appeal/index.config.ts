export default definePageConfig({ navigationBarTitleText: '随申码申诉', enablePullDownRefresh: true });

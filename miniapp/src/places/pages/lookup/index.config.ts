export default definePageConfig({ navigationBarTitleText: '企业复工查询' });

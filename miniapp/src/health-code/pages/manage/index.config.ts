export default definePageConfig({ navigationBarTitleText: '健康管理' });

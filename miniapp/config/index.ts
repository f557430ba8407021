import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const platform = process.env.TARO_ENV ?? 'weapp';

// `@sqtb/shared` ships raw TypeScript (main: src/index.ts); its real path is outside
// node_modules, so it must be added to the babel rule explicitly.
const sharedSrc = path.resolve(__dirname, '../../shared/src');

// Resolve React and Taro's React glue from this package: npm nests
// plugin-framework-react and @tarojs/react under miniapp/node_modules, where the
// root-level Taro packages (components-react, taro-h5) would not find them, and
// one React must serve the whole bundle.
const fromHere = (name: string) =>
  path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));

// Where the mini-program sends API calls. H5 is served by the BFF itself, so same origin.
const apiBase = platform === 'h5' ? '' : (process.env.API_BASE ?? 'http://localhost:3000');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'sqtb-miniapp',
    date: '2025-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: { API_BASE: JSON.stringify(apiBase) },
    alias: {
      react: fromHere('react'),
      '@tarojs/plugin-framework-react': fromHere('@tarojs/plugin-framework-react'),
      '@tarojs/react': fromHere('@tarojs/react'),
      // Mini-programs must keep Taro's own `react-dom` -> @tarojs/react alias.
      ...(platform === 'h5' ? { 'react-dom': fromHere('react-dom') } : {}),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Off: a filesystem cache keyed on this config would also have to track shared/.
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      // Taro splits only initial chunks on H5, so each lazily loaded page would carry
      // its own copy of shared/ and zod; share them between pages instead.
      webpackChain(chain) {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  return process.env.NODE_ENV === 'development'
    ? merge({}, baseConfig, devConfig)
    : merge({}, baseConfig, prodConfig);
});

import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const platform = process.env.TARO_ENV ?? 'weapp';

// `@sqtb/shared` ships raw TypeScript (main: src/index.ts); its real path is outside
// node_modules, so it must be added to the babel rule explicitly.
const sharedSrc = path.resolve(__dirname, '../../shared/src');

// Resolve React from this package. npm currently hoists a React 19 to the repo root
// (pulled in by @testing-library/react), which @tarojs/components-react would pick up
// on H5 and ship a second React.
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
      'react-dom': fromHere('react-dom'),
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

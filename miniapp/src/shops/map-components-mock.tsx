import type { ComponentProps } from 'react';
import type { Map as TaroMap } from '@tarojs/components';

/**
 * The test components plus WeChat's `map`, for the map page's tests in
 * mini-program mode: the stub keeps the props it was last given (markers,
 * circles, tap handlers), since jsdom cannot draw a native map.
 * Use with: jest.mock('@tarojs/components', () => require('<path>/shops/map-components-mock'));
 */
export * from '../test-support/components-mock';

type MapProps = ComponentProps<typeof TaroMap>;
export const drawnMap: { props?: MapProps } = {};

export const Map = (props: MapProps) => {
  drawnMap.props = props;
  return <div className={props.className} />;
};

import { Canvas, Text, View } from '@tarojs/components';
import type { MyPlace } from '@sqtb/shared';
import { useState } from 'react';
import { FormFooter } from '../../core/components/form-footer';
import { isH5 } from '../../core/platform';
import { POSTER_HEIGHT, POSTER_WIDTH } from '../poster-drawing';
import { POSTER_CANVAS_ID, savePosterToAlbum } from '../save-poster';

/** On weapp: draw the poster on a hidden canvas and save it to the photo album. */
function SaveToAlbum({ place }: { place: MyPlace }) {
  const [busy, setBusy] = useState(false);
  const [told, setTold] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setTold(await savePosterToAlbum(place));
    setBusy(false);
  };
  return (
    <View>
      <Canvas type="2d" id={POSTER_CANVAS_ID} className="poster-canvas" style={{ width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }} />
      <FormFooter label="保存到相册" busy={busy} onSubmit={() => void save()} />
      {told && <Text className="hint">{told}</Text>}
    </View>
  );
}

/** What the place does with its poster: print it (H5, the browser's own dialog) or save it as an image (weapp). */
export function PosterActions({ place }: { place: MyPlace }) {
  if (!isH5()) return <SaveToAlbum place={place} />;
  return (
    <View>
      <FormFooter label="打印" onSubmit={() => window.print()} />
      <Text className="hint">打印时只输出上方的海报；建议 A4 纸张，张贴在入口处。</Text>
    </View>
  );
}

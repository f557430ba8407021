import { Image, Text, View } from '@tarojs/components';
import type { PhotoUploads } from '../use-photo-uploads';

const STATE_TEXT = { uploading: '上传中…', done: '', failed: '上传失败' } as const;

/** Chosen photos with their upload state, a remove control, and an add tile while there is room. */
export function PhotoPicker({ uploads, max }: { uploads: PhotoUploads; max: number }) {
  return (
    <View className="photos">
      {uploads.photos.map((photo) => (
        <View key={photo.key} className="photo">
          <Image className="photo__image" src={photo.localPath} mode="aspectFill" />
          {photo.state !== 'done' && <Text className="photo__state">{photo.error ?? STATE_TEXT[photo.state]}</Text>}
          <Text className="photo__remove" onClick={() => uploads.remove(photo.key)}>
            删除
          </Text>
        </View>
      ))}
      {uploads.canAdd && (
        <View className="photo photo--add" onClick={() => void uploads.add()}>
          <Text>{`添加照片 ${uploads.photos.length}/${max}`}</Text>
        </View>
      )}
    </View>
  );
}

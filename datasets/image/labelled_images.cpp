#include "datasets/image/labelled_images.h"

#include "datasets/image/idx_file.h"
#include "framework/autodiff/errors.h"

namespace mann {

LabelledImages read_idx_labelled_images(const std::string& images_path, const std::string& labels_path,
                                        int num_classes) {
  IdxArray images = read_idx_gz(images_path, 3);
  const IdxArray labels = read_idx_gz(labels_path, 1);
  if (images.dims[0] != labels.dims[0])
    throw UserError("'" + images_path + "' holds " + std::to_string(images.dims[0]) + " images but '" +
                    labels_path + "' holds " + std::to_string(labels.dims[0]) +
                    " labels (files of different sets?)");
  LabelledImages set;
  set.height = static_cast<int>(images.dims[1]);
  set.width = static_cast<int>(images.dims[2]);
  set.pixels = std::move(images.values);
  set.labels.reserve(labels.values.size());
  for (std::size_t i = 0; i < labels.values.size(); ++i) {
    const int label = labels.values[i];
    if (label >= num_classes)
      throw UserError("'" + labels_path + "': label " + std::to_string(label) + " of item " +
                      std::to_string(i) + " is not a class (there are " + std::to_string(num_classes) + ")");
    set.labels.push_back(label);
  }
  return set;
}

LabelledImages split_off_last(LabelledImages& all, int count) {
  if (count < 0 || count >= all.size())
    throw UserError("cannot hold out " + std::to_string(count) + " of " + std::to_string(all.size()) +
                    " images: use 0 up to one less than the number of images");
  const int kept = all.size() - count;
  const std::size_t pixels_per_image = static_cast<std::size_t>(all.height) * all.width;
  LabelledImages tail;
  tail.height = all.height;
  tail.width = all.width;
  tail.pixels.assign(all.pixels.begin() + static_cast<std::ptrdiff_t>(kept * pixels_per_image),
                     all.pixels.end());
  tail.labels.assign(all.labels.begin() + kept, all.labels.end());
  all.pixels.resize(kept * pixels_per_image);
  all.labels.resize(kept);
  return tail;
}

}  // namespace mann

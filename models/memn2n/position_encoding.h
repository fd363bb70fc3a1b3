#pragma once
// Position encoding of MemN2N (sec. 4.1): word j of a J-word sentence is weighted elementwise by
// l_j with l_kj = (1 - j/J) - (k/d)(1 - 2j/J), k = 1..d, so that word order changes the sentence vector.
#include <vector>

#include "framework/autodiff/matrix.h"

namespace mann {

// Weights for bag_of_words over `ids` in bags of `bag_size` (words left-aligned, -1 = padding): row i is
// l_j of word i, with J the number of non-padding words of its bag. Padding rows are left as they are (the
// op ignores them). `out` is resized to (ids.size() x dim); its storage is reused across calls.
void position_encoding_weights(const std::vector<int>& ids, int bag_size, int dim, Matrix& out);

}  // namespace mann

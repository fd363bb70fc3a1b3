#include "models/memn2n/position_encoding.h"

namespace mann {

float position_weight(SentenceEncoding form, int j, int J, int k, int d) {
  const float fj = static_cast<float>(j), fJ = static_cast<float>(J);
  const float fk = static_cast<float>(k), fd = static_cast<float>(d);
  if (form == SentenceEncoding::PositionCentered)
    return 1.f + 4.f * (fk - (fd + 1.f) / 2.f) * (fj - (fJ + 1.f) / 2.f) / (fd * fJ);
  return (1.f - fj / fJ) - (fk / fd) * (1.f - 2.f * fj / fJ);
}

void position_encoding_weights(const std::vector<int>& ids, int bag_size, int dim, Matrix& out,
                               SentenceEncoding form) {
  const Index n = static_cast<Index>(ids.size());
  out.resize(n, dim);
  // One table of l_j rows per sentence length J: sentences are short, so this is tiny and built once.
  std::vector<Matrix> by_length(static_cast<size_t>(bag_size) + 1);
  for (Index bag = 0; bag * bag_size < n; ++bag) {
    const int* words = ids.data() + bag * bag_size;
    int length = 0;
    while (length < bag_size && words[length] >= 0) ++length;
    if (length == 0) continue;
    Matrix& table = by_length[static_cast<size_t>(length)];
    if (table.rows() == 0) {
      table.resize(length, dim);
      for (int j = 1; j <= length; ++j)
        for (int k = 1; k <= dim; ++k) table(j - 1, k - 1) = position_weight(form, j, length, k, dim);
    }
    out.middleRows(bag * bag_size, length) = table;
  }
}

}  // namespace mann

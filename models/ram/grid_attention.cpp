#include "models/ram/grid_attention.h"

#include "framework/autodiff/errors.h"
#include "framework/autodiff/ops.h"
#include "framework/autodiff/ops_image.h"

namespace mann {

GridAttention::GridAttention(const ParamScope& scope, int grid, GridKeys keys, Index query_width,
                             const AddressingModuleFactory& addressing, Rng& rng)
    : grid_(grid), key_kind_(keys) {
  keys_.trainable = false;  // a constant bound in place, never updated
  if (grid < 2 || grid > 32) throw UserError("ram: grid must be in 2..32, got " + std::to_string(grid));
  const Index k = static_cast<Index>(grid) * grid;
  centres_.resize(k, 2);
  for (int y = 0; y < grid; ++y)
    for (int x = 0; x < grid; ++x) {
      // the centre of cell (x, y) of a grid x grid partition of [-1, 1]^2
      centres_(y * grid + x, 0) = -1.f + (2.f * static_cast<float>(x) + 1.f) / static_cast<float>(grid);
      centres_(y * grid + x, 1) = -1.f + (2.f * static_cast<float>(y) + 1.f) / static_cast<float>(grid);
    }
  const Index key_width = keys == GridKeys::Cells ? k : 2 * static_cast<Index>(grid);
  module_ = addressing(scope, AddressingShape{query_width, key_width, k}, rng);
}

void GridAttention::fit_batch(Index batch) {
  if (batch == batch_) return;
  batch_ = batch;
  const Index k = centres_.rows();
  const Index G = grid_;
  Matrix& keys = keys_.value;
  keys = Matrix::Zero(batch * k, key_kind_ == GridKeys::Cells ? k : 2 * G);
  for (Index b = 0; b < batch; ++b)
    for (Index c = 0; c < k; ++c) {
      if (key_kind_ == GridKeys::Cells) {
        keys(b * k + c, c) = 1.f;
      } else {  // cell c = y * G + x: its column x, then its row y
        keys(b * k + c, c % G) = 1.f;
        keys(b * k + c, G + c / G) = 1.f;
      }
    }
  candidate_locations_.assign(static_cast<std::size_t>(k), Matrix(batch, 2));
  for (Index c = 0; c < k; ++c) candidate_locations_[static_cast<std::size_t>(c)].rowwise() = centres_.row(c);
}

GridRead GridAttention::read(Tape& tape, Var pixels, const ImageShape& shape, Var query, Index patch,
                             Index scales, AddressingContext& ctx) {
  const Index batch = pixels.rows();
  fit_batch(batch);
  GridRead out;
  out.weights = module_->address(tape, tape.param(keys_), nullptr, query, Var{}, ctx, "");
  const bool mixed = !module_->stochastic() || (!module_->needs_reinforce() && ctx.training);
  if (!mixed) {
    // one-hot weights (the mean of k one-hots for a multi-sample hard module): one glimpse at their centre
    const Matrix location = out.weights.value() * centres_;
    out.location = tape.constant(location);
    out.glimpse = glimpse(pixels, shape, location, patch, scales);
    return out;
  }
  std::vector<Var> candidates;
  candidates.reserve(candidate_locations_.size());
  for (const Matrix& location : candidate_locations_)
    candidates.push_back(glimpse(pixels, shape, location, patch, scales));
  const Index width = candidates.front().cols();
  // (B x K*P) -> (B*K x P): example b's candidates become its K memory slots, read with the weights
  out.glimpse = memory_read(out.weights, reshape(concat_cols(candidates), batch * centres_.rows(), width));
  out.location = matmul(out.weights, tape.constant(centres_));
  return out;
}

}  // namespace mann

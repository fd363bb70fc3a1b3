#include "models/rl_ntm/memory_tape.h"

#include <set>

#include "framework/autodiff/ops.h"

namespace mann {

MemoryTape::MemoryTape(Tape& tape, Index batch, int cells, Index width)
    : tape_(&tape), batch_(batch), width_(width), cells_(static_cast<size_t>(cells)) {
  Var zeros = tape.constant(Matrix::Zero(batch, width));
  for (Var& cell : cells_) cell = zeros;
}

Matrix MemoryTape::selector(const std::vector<int>& positions, int cell) const {
  Matrix s = Matrix::Zero(batch_, 1);
  for (size_t b = 0; b < positions.size(); ++b)
    if (positions[b] == cell) s(static_cast<Index>(b), 0) = 1.f;
  return s;
}

Var MemoryTape::read(const std::vector<int>& positions) const {
  const std::set<int> used(positions.begin(), positions.end());
  Var out = tape_->constant(Matrix::Zero(batch_, width_));
  for (int cell : used)
    if (cell >= 0)
      out = out + mul(cells_[static_cast<size_t>(cell)], tape_->constant(selector(positions, cell)));
  return out;
}

void MemoryTape::write(const std::vector<int>& positions, Var vectors) {
  const std::set<int> used(positions.begin(), positions.end());
  for (int cell : used) {
    if (cell < 0) continue;
    const Matrix s = selector(positions, cell);
    Var& c = cells_[static_cast<size_t>(cell)];
    c = mul(c, tape_->constant(Matrix::Ones(batch_, 1) - s)) + mul(vectors, tape_->constant(s));
  }
}

}  // namespace mann

#include "models/ntm/ntm_model.h"

#include "framework/addressing/ntm_location.h"
#include "framework/autodiff/ops.h"
#include "framework/memory/ntm_write.h"

namespace mann {
namespace {

// x (R x C) stacked `times` times: (times*R x C). A per-sequence initial state shared by every example.
Var tile_rows(Var x, Index times) {
  if (times == 1) return x;
  return concat_rows(std::vector<Var>(static_cast<size_t>(times), x));
}

}  // namespace

AddressingFactory ntm_location_heads() {
  return [](const ParamScope& scope, AddressingShape shape, Rng& rng,
            bool) -> std::unique_ptr<AddressingModule> {
    return std::make_unique<NTMLocationAddressing>(scope, shape, rng);
  };
}

bool NTMSequenceModel::needs_reinforce() const {
  for (const WriteHead& h : write_heads_)
    if (h.addressing->needs_reinforce()) return true;
  for (const ReadHead& h : read_heads_)
    if (h.addressing->needs_reinforce()) return true;
  return false;
}

NTMSequenceModel::NTMSequenceModel(const ParamScope& scope, Index input_width, Index output_width,
                                   const NTMOptions& options, Rng& rng, const AddressingFactory& addressing)
    : options_(options),
      controller_(scope.sub("controller"), input_width + options.read_heads * options.memory_width,
                  options.controller, options.controller_size, options.controller_layers, rng),
      output_(scope.sub("output"), options.controller_size + options.read_heads * options.memory_width,
              output_width, rng) {
  const Index N = options.memory_slots, M = options.memory_width;
  if (N <= 0 || M <= 0) throw UserError(scope.name() + ": memory_slots and memory_width must be positive");
  if (options.read_heads < 0 || options.write_heads < 0)
    throw UserError(scope.name() + ": head counts must be >= 0");
  const AddressingShape shape{controller_.output_width(), M, N};
  for (int j = 0; j < options.write_heads; ++j) {
    const ParamScope head = scope.sub("write" + std::to_string(j));
    const std::string id = std::to_string(j);
    write_heads_.push_back({addressing(head.sub("addressing"), shape, rng, true),
                            NTMWriteHead(head, controller_.output_width(), M, rng, options.write),
                            "write" + id, "add" + id});
  }
  for (int i = 0; i < options.read_heads; ++i) {
    const ParamScope head = scope.sub("read" + std::to_string(i));
    const std::string id = std::to_string(i);
    ReadHead h{addressing(head.sub("addressing"), shape, rng, false), nullptr, "read" + id,
               "read_vector" + id};
    if (options.read_init == ReadInit::Learned)
      h.initial_read = &head.add("r0", 1, M, Init::normal(0.f, options.read_init_std), rng);
    read_heads_.push_back(std::move(h));
  }
  if (options.memory_init == MemoryInit::Learned)
    memory0_ = &scope.add("memory0", N, M, Init::constant(options.memory_init_value), rng);
  else if (options.memory_init == MemoryInit::Random)
    memory0_ =
        &scope.add_buffer("memory0", rng.normal_matrix(N, M, 0.f, options.memory_init_std));  // required
}

Var NTMSequenceModel::initial_memory(Tape& tape, Index batch) const {
  if (memory0_) return tile_rows(tape.param(*memory0_), batch);
  return tape.constant(batch * options_.memory_slots, options_.memory_width, options_.memory_init_value);
}

Var NTMSequenceModel::initial_read(Tape& tape, const ReadHead& head, Index batch) const {
  if (head.initial_read) return tile_rows(tape.param(*head.initial_read), batch);
  return tape.constant(batch, options_.memory_width, 0.f);
}

Var NTMSequenceModel::initial_weighting(Tape& tape, const AddressingModule& module, Index batch) const {
  if (!module.uses_previous()) return Var{};
  const Index N = options_.memory_slots;
  if (options_.weighting_init == WeightingInit::Uniform)
    return tape.constant(batch, N, 1.f / static_cast<float>(N));
  return tape.constant(NTMLocationAddressing::initial_weighting(batch, N));
}

std::vector<Var> NTMSequenceModel::forward(Tape& tape, const SequenceBatch& batch, ForwardContext& ctx) {
  const Index B = batch.batch;
  NTMController::State state = controller_.initial_state(tape, B);
  Var memory = initial_memory(tape, B);
  std::vector<Var> reads, read_w, write_w, erase, adds;
  for (const ReadHead& h : read_heads_) {
    reads.push_back(initial_read(tape, h, B));
    read_w.push_back(initial_weighting(tape, *h.addressing, B));
  }
  for (const WriteHead& h : write_heads_) write_w.push_back(initial_weighting(tape, *h.addressing, B));

  std::vector<Var> outputs;
  outputs.reserve(batch.inputs.size());
  std::vector<Var> parts;
  for (const Matrix& input : batch.inputs) {
    parts.assign(1, tape.constant(input));
    parts.insert(parts.end(), reads.begin(), reads.end());
    const Var h = controller_.step(tape, parts.size() == 1 ? parts[0] : concat_cols(parts), state);

    // Every write head addresses the memory as the previous step left it, then all of them write.
    erase.clear();
    adds.clear();
    for (size_t j = 0; j < write_heads_.size(); ++j) {
      WriteHead& w = write_heads_[j];
      write_w[j] = w.addressing->address(tape, memory, nullptr, h, write_w[j], ctx, w.weighting_name);
      erase.push_back(w.vectors.erase(tape, h));
      adds.push_back(w.vectors.add(tape, h));
      if (ctx.recorder) ctx.recorder->record(w.add_name, adds.back().value());
    }
    if (!write_heads_.empty()) memory = ntm_write(memory, write_w, erase, adds);

    // Reads see this step's writes.
    for (size_t i = 0; i < read_heads_.size(); ++i) {
      ReadHead& r = read_heads_[i];
      read_w[i] = r.addressing->address(tape, memory, nullptr, h, read_w[i], ctx, r.weighting_name);
      reads[i] = memory_read(read_w[i], memory);
      if (ctx.recorder) ctx.recorder->record(r.vector_name, reads[i].value());
    }
    parts.assign(1, h);
    parts.insert(parts.end(), reads.begin(), reads.end());
    outputs.push_back(output_(tape, parts.size() == 1 ? parts[0] : concat_cols(parts)));
  }
  return outputs;
}

}  // namespace mann

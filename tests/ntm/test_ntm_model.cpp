// NTM behaviour: shapes and parameter names, order of operations (reads see this step's write), numerical
// safety with an all-zero memory, recorded attention, initialisation modes, swappable addressing.
#include <doctest/doctest.h>

#include "framework/addressing/soft_content.h"
#include "framework/autodiff/ops.h"
#include "tests/ntm/ntm_test_support.h"

using namespace mann;
using namespace mann::testing;

TEST_SUITE_BEGIN("ntm");

TEST_CASE("an NTM emits one (B x out) output per step and names its parameters by head") {
  ParameterCollection params(1);
  Rng rng(1);
  NTMSequenceModel model(params.scope("model"), 9, 8, {}, rng);
  Tape tape;
  ForwardContext ctx;
  const auto outputs = model.forward(tape, random_batch(3, 4, 9, 8, 2), ctx);
  REQUIRE(outputs.size() == 4);
  for (const Var& y : outputs) {
    CHECK(y.rows() == 3);
    CHECK(y.cols() == 8);
  }
  for (const char* name :
       {"model/controller/lstm0/W", "model/write0/addressing/key/W", "model/write0/erase/W",
        "model/write0/add/W", "model/read0/addressing/shift/W", "model/read0/r0", "model/output/W"})
    CHECK_MESSAGE(params.contains(name), name);
  CHECK_FALSE(params.contains("model/memory0"));  // constant memory init: no parameter
  // Controller input is [x, r]: 9 + 20; output layer reads [h, r]: 100 + 20.
  CHECK(params.at("model/controller/lstm0/W").value.rows() == 29);
  CHECK(params.at("model/output/W").value.rows() == 120);
}

TEST_CASE("reads see the memory after this step's write, and a zero memory gives finite values") {
  NTMOptions o = tiny_ntm_options();
  o.memory_init_value = 0.f;  // all-zero memory: cosine and sharpening must stay finite
  o.read_init = ReadInit::Zero;
  ParameterCollection params(4);
  Rng rng(4);
  NTMSequenceModel model(params.scope("m"), 3, 2, o, rng);
  Tape tape;
  AttentionRecorder recorder;
  ForwardContext ctx;
  ctx.recorder = &recorder;
  const auto outputs = model.forward(tape, random_batch(2, 3, 3, 2, 5), ctx);
  for (const Var& y : outputs) CHECK(y.value().allFinite());
  // Had the read come first, it would read the all-zero memory at step 0.
  const Matrix first_read = recorder.example("read_vector0", 0).row(0);
  CHECK(first_read.allFinite());
  CHECK(first_read.cwiseAbs().maxCoeff() > 1e-4f);

  // The gradient through the zero memory is finite too.
  Var loss = sum(square(concat_rows(outputs)));
  tape.backward(loss);
  for (Parameter* p : params.parameters()) CHECK_MESSAGE(p->grad.allFinite(), p->name);
}

TEST_CASE("the recorder collects read and write weightings (T x N) and add / read vectors (T x M)") {
  NTMOptions o = tiny_ntm_options();
  o.read_heads = 2;
  ParameterCollection params(6);
  Rng rng(6);
  NTMSequenceModel model(params.scope("m"), 3, 2, o, rng);
  Tape tape;
  AttentionRecorder recorder;
  ForwardContext ctx;
  ctx.recorder = &recorder;
  model.forward(tape, random_batch(2, 5, 3, 2, 7), ctx);
  for (const char* name : {"write0", "read0", "read1"}) {
    const Matrix w = recorder.example(name, 1);
    CHECK(w.rows() == 5);
    CHECK(w.cols() == 6);
    for (Index t = 0; t < 5; ++t) CHECK(w.row(t).sum() == doctest::Approx(1.0).epsilon(1e-4));
  }
  CHECK(recorder.example("add0", 0).cols() == 4);
  CHECK(recorder.example("read_vector1", 0).cols() == 4);
  CHECK(recorder.find("write1") == nullptr);
}

TEST_CASE("memory initialisation: learned is a trainable parameter, random a fixed one") {
  for (MemoryInit init : {MemoryInit::Learned, MemoryInit::Random}) {
    NTMOptions o = tiny_ntm_options();
    o.memory_init = init;
    ParameterCollection params(8);
    Rng rng(8);
    NTMSequenceModel model(params.scope("m"), 3, 2, o, rng);
    const Parameter& m0 = params.at("m/memory0");
    CHECK(m0.value.rows() == 6);
    CHECK(m0.value.cols() == 4);
    CHECK(m0.trainable == (init == MemoryInit::Learned));
    Tape tape;
    ForwardContext ctx;
    const auto y = model.forward(tape, random_batch(3, 2, 3, 2, 9), ctx);
    CHECK(y.back().value().allFinite());
  }
}

TEST_CASE("heads take any addressing module: soft_content heads ignore the previous weighting") {
  ParameterCollection params(10);
  Rng rng(10);
  const AddressingFactory soft = [](const ParamScope& scope, AddressingShape shape, Rng& r, bool) {
    SoftContentOptions so;
    so.score = ContentScore::Cosine;
    return std::unique_ptr<AddressingModule>(std::make_unique<SoftContentAddressing>(scope, shape, r, so));
  };
  NTMSequenceModel model(params.scope("m"), 3, 2, tiny_ntm_options(), rng, soft);
  CHECK(params.contains("m/read0/addressing/beta/W"));
  CHECK_FALSE(params.contains("m/read0/addressing/shift/W"));
  Tape tape;
  ForwardContext ctx;
  Var loss = sum(concat_rows(model.forward(tape, random_batch(2, 3, 3, 2, 11), ctx)));
  tape.backward(loss);
  CHECK(params.at("m/read0/addressing/key/W").grad.cwiseAbs().maxCoeff() > 0.f);
}

TEST_SUITE_END();

// bAbI: parsing, vocabulary, memory window, split, batching, and the messages for missing data. Tests that
// need the real data skip with a MESSAGE when it is not found.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <sstream>
#include <string>

#include "datasets/babi/babi_batch.h"
#include "datasets/babi/babi_dataset.h"
#include "datasets/babi/babi_files.h"
#include "datasets/babi/babi_parser.h"
#include "datasets/data_dir.h"
#include "framework/autodiff/errors.h"
#include "tests/support/babi_data.h"
#include "tests/support/temp_dir.h"

using namespace mann;
using mann::testing::babi_data_dir;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

std::vector<std::string> words_of(const Vocabulary& v, const std::vector<int>& ids) {
  std::vector<std::string> out;
  for (int id : ids) out.push_back(v.word(id));
  return out;
}

// Sets an environment variable for one scope and restores it.
struct ScopedEnv {
  std::string name;
  std::optional<std::string> old;
  ScopedEnv(const std::string& n, const char* value) : name(n) {
    if (const char* o = std::getenv(n.c_str())) old = o;
    if (value)
      setenv(n.c_str(), value, 1);
    else
      unsetenv(n.c_str());
  }
  ~ScopedEnv() {
    if (old)
      setenv(name.c_str(), old->c_str(), 1);
    else
      unsetenv(name.c_str());
  }
};

const char* kStory =
    "1 Mary moved to the bathroom.\n"
    "2 John went to the hallway.\n"
    "3 Where is Mary? \tbathroom\t1\n"
    "4 Daniel went back to the hallway.\n"
    "5 Where is John? \thallway\t2\n"
    "1 Sandra took the milk there.\n"
    "2 Sandra got the apple.\n"
    "3 What is Sandra carrying? \tmilk,apple\t1 2\n";

}  // namespace

TEST_CASE("bAbI file names and task specs") {
  CHECK(babi_task_file_names(1).train == "qa1_single-supporting-fact_train.txt");
  CHECK(babi_task_file_names(1).test == "qa1_single-supporting-fact_test.txt");
  CHECK(babi_task_file_names(3).train == "qa3_three-supporting-facts_train.txt");
  CHECK(babi_task_file_names(8).test == "qa8_lists-sets_test.txt");
  CHECK(babi_task_file_names(19).train == "qa19_path-finding_train.txt");
  CHECK(babi_task_file_names(20).train == "qa20_agents-motivations_train.txt");
  CHECK_THROWS_AS(babi_task_file_names(21), UserError);
  CHECK(parse_babi_tasks("joint").size() == 20u);
  CHECK(parse_babi_tasks("7") == std::vector<int>{7});
  CHECK(parse_babi_tasks("1,2,5") == std::vector<int>{1, 2, 5});
  CHECK_THROWS_AS(parse_babi_tasks("0"), UserError);
  CHECK_THROWS_AS(parse_babi_tasks("3x"), UserError);
  CHECK_THROWS_AS(parse_babi_tasks(""), UserError);
  if (auto dir = babi_data_dir()) {
    for (int t = 1; t <= 20; ++t) {
      CHECK(std::filesystem::exists(*dir + "/en/" + babi_task_file_names(t).train));
      CHECK(std::filesystem::exists(*dir + "/en/" + babi_task_file_names(t).test));
    }
  }
}

TEST_CASE("bAbI data directory resolution") {
  {
    ScopedEnv env("MANN_DATA", "/from/env");
    CHECK(resolve_data_dir("/from/cli") == "/from/cli");
    CHECK(resolve_data_dir("") == "/from/env");
    CHECK(data_dir_origin("").find("MANN_DATA") != std::string::npos);
  }
  {
    ScopedEnv env("MANN_DATA", nullptr);
    CHECK(resolve_data_dir("") == "./data");
  }
}

TEST_CASE("bAbI parser: statements, questions, multi-word answers, story restarts") {
  std::istringstream in(kStory);
  const BabiFile f = parse_babi(in, 8, "inline");
  REQUIRE(f.stories.size() == 2u);
  CHECK(f.stories[0].sentences.size() == 3u);  // questions are not statements
  CHECK(f.stories[0].sentences[0] == BabiTokens{"mary", "moved", "to", "the", "bathroom"});
  REQUIRE(f.questions.size() == 3u);
  CHECK(f.questions[0].question == BabiTokens{"where", "is", "mary"});
  CHECK(f.questions[0].sentence_count == 2);
  CHECK(f.questions[1].sentence_count == 3);
  CHECK(f.questions[1].supporting == std::vector<int>{1});
  CHECK(f.questions[2].story == 1);
  CHECK(f.questions[2].answer == "milk,apple");
  CHECK(f.questions[2].supporting == std::vector<int>{0, 1});

  std::istringstream bad("1 Mary moved.\n3 Where? \tx\t1\n");
  CHECK_THROWS_AS(parse_babi(bad, 1, "bad"), UserError);
  std::istringstream bad_support("1 Mary moved.\n2 Where? \tx\t2\n");
  CHECK_THROWS_AS(parse_babi(bad_support, 1, "bad"), UserError);
}

TEST_CASE("bAbI parser: malformed files are refused at load, naming file and line") {
  const auto error_parsing = [](const std::string& text) {
    return error_of([&] {
      std::istringstream in(text);
      parse_babi(in, 1, "qa1_train.txt");
    });
  };
  CHECK(error_parsing("1 Mary moved.\n2 Where is Mary?\n") ==
        "bAbI file qa1_train.txt, line 2: question without an answer (expected question<TAB>answer<TAB>"
        "supporting line numbers)");
  CHECK(error_parsing("1 Mary moved.\n2 Where is Mary? \tkitchen\tone\n") ==
        "bAbI file qa1_train.txt, line 2: supporting fact `one` is not a line number");
  CHECK(error_parsing("1 Mary moved.\n2 Where is Mary? \tkitchen\t1x\n") ==
        "bAbI file qa1_train.txt, line 2: supporting fact `1x` is not a line number");
  // A NUL byte used to pass the parser and fail the first checkpoint write, after training.
  CHECK(error_parsing(std::string("1 Mary moved.\n2 Mary went to the k") + '\0' + "tchen.\n") ==
        "bAbI file qa1_train.txt, line 2: control byte 0x00 (a binary or corrupt file?)");
  CHECK(error_parsing("") == "bAbI file qa1_train.txt has no questions (empty or truncated?)");
  CHECK(error_parsing("1 Mary moved.\n") == "bAbI file qa1_train.txt has no questions (empty or truncated?)");
}

TEST_CASE("bAbI encoding: vocabulary, memory window and batches") {
  std::istringstream in(kStory);
  const BabiFile f = parse_babi(in, 8, "inline");
  BabiOptions opt;
  opt.memory_size = 2;
  opt.valid_fraction = 0.0;
  const BabiDataset d = build_babi_dataset({f}, {f}, opt);
  CHECK(d.vocab.word(0) == "<nil>");
  CHECK(d.vocab.contains("milk,apple"));
  CHECK(std::is_sorted(d.vocab.words().begin() + 1, d.vocab.words().end()));
  REQUIRE(d.train.size() == 3u);
  CHECK(d.test.size() == 3u);
  // Question 2 has 3 statements before it; the window keeps the last 2 and its support (statement 1) is
  // now at position 0.
  const BabiExample& e = d.train[1];
  REQUIRE(e.story.size() == 2u);
  CHECK(words_of(d.vocab, e.story[0]) == BabiTokens{"john", "went", "to", "the", "hallway"});
  CHECK(e.supporting == std::vector<int>{0});
  CHECK(d.vocab.word(e.answer) == "hallway");
  CHECK(d.vocab.word(d.train[2].answer) == "milk,apple");
  CHECK(d.max_story_len == 2);

  // Supports that fall out of the window are dropped.
  opt.memory_size = 1;
  const BabiDataset d1 = build_babi_dataset({f}, {f}, opt);
  CHECK(d1.train[2].supporting == std::vector<int>{0});
  CHECK(d1.train[0].supporting.empty());

  const BabiBatch bb = make_babi_batch(d.train, {1, 0}, babi_batch_shape(d));
  CHECK(bb.batch == 2);
  CHECK(bb.sentence_count == std::vector<int>{2, 2});
  CHECK(bb.time[0] == 1);  // oldest kept statement
  CHECK(bb.time[1] == 0);  // most recent
  CHECK(bb.word(0, 0, 0) == d.vocab.id("john"));
  CHECK(bb.word(0, 1, 5) == d.vocab.id("hallway"));  // "daniel went back to the hallway": 6 words
  CHECK(bb.word(0, 0, 5) == -1);                     // "john went to the hallway": 5 words, then padding
  CHECK(bb.answer == std::vector<int>{d.vocab.id("hallway"), d.vocab.id("bathroom")});
  CHECK(bb.question[0] == d.vocab.id("where"));
  CHECK(bb.supporting[0] == 0);
  CHECK(bb.task == std::vector<int>{8, 8});
  BabiBatchShape small = babi_batch_shape(d);
  small.memory_size = 1;
  CHECK_THROWS_AS(make_babi_batch(d.train, {1}, small), std::invalid_argument);
}

TEST_CASE("bAbI: a missing data directory gives the download message") {
  const std::string msg = error_of([] {
    BabiOptions opt;
    opt.data_dir = "/nonexistent/mann-data";
    load_babi({1}, opt);
  });
  INFO(msg);
  CHECK(msg.find("qa1_single-supporting-fact_train.txt") != std::string::npos);
  CHECK(msg.find("/nonexistent/mann-data/babi/en/qa1_single-supporting-fact_train.txt") != std::string::npos);
  CHECK(msg.find("/nonexistent/mann-data/en/qa1_single-supporting-fact_train.txt") != std::string::npos);
  CHECK(msg.find("does not exist") != std::string::npos);
  CHECK(msg.find(
            "bAbI tasks v1.2 from https://research.facebook.com/downloads/babi/ (tasks_1-20_v1-2.tar.gz)") !=
        std::string::npos);
  CHECK(msg.find("or set MANN_DATA / --data-dir") != std::string::npos);
}

TEST_CASE("bAbI real data: task 1" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(dir);
  BabiOptions opt;
  opt.data_dir = dir;  // the babi folder itself is accepted
  const BabiDataset d = load_babi({1}, opt);
  CHECK(d.train.size() == 900u);
  CHECK(d.valid.size() == 100u);
  CHECK(d.test.size() == 1000u);
  CHECK(d.vocab.size() == 20);  // 19 words + nil
  CHECK(d.vocab.word(Vocabulary::kNil) == "<nil>");
  CHECK(d.vocab.id("mary") > 0);

  // First question of the file: "1 Mary moved to the bathroom. 2 John went to the hallway. 3 Where is Mary?"
  const BabiFile raw = parse_babi_file(dir + "/en/qa1_single-supporting-fact_train.txt", 1);
  REQUIRE(raw.questions.size() == 1000u);
  const BabiExample e = encode_babi_question(raw, raw.questions[0], d.vocab, 50);
  REQUIRE(e.story.size() == 2u);
  CHECK(words_of(d.vocab, e.story[0]) == BabiTokens{"mary", "moved", "to", "the", "bathroom"});
  CHECK(words_of(d.vocab, e.story[1]) == BabiTokens{"john", "went", "to", "the", "hallway"});
  CHECK(words_of(d.vocab, e.question) == BabiTokens{"where", "is", "mary"});
  CHECK(d.vocab.word(e.answer) == "bathroom");
  CHECK(e.supporting == std::vector<int>{0});
  // Second story question: statements 1, 2, 4 (question 3 is not a memory), answer hallway from line 4.
  const BabiExample e2 = encode_babi_question(raw, raw.questions[1], d.vocab, 50);
  CHECK(e2.story.size() == 4u);
  CHECK(e2.supporting == std::vector<int>{2});

  // Split is deterministic and the same seed gives the same split.
  const BabiDataset again = load_babi({1}, opt);
  CHECK(again.valid.size() == d.valid.size());
  CHECK(again.valid.front().question == d.valid.front().question);
  CHECK(again.valid.back().story == d.valid.back().story);

  const BabiBatch bb = make_babi_batch(d.train, {0, 1, 2, 3}, babi_batch_shape(d));
  CHECK(bb.sentences.size() == 4u * 50u * static_cast<size_t>(d.max_sentence_len));
}

TEST_CASE("bAbI real data: task 8 multi-answers, task 3 memory limit, joint" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(dir);
  BabiOptions opt;
  opt.data_dir = dir;
  const BabiDataset d8 = load_babi({8}, opt);
  CHECK(d8.vocab.contains("football,apple"));
  int multi = 0;
  for (const BabiExample& e : d8.train) multi += d8.vocab.word(e.answer).find(',') != std::string::npos;
  CHECK(multi > 0);

  // Task 3 has stories of over 200 statements: each example keeps at most the latest 50.
  const BabiDataset d3 = load_babi({3}, opt);
  CHECK(d3.max_story_len == 50);
  const BabiFile raw = parse_babi_file(dir + "/en/qa3_three-supporting-facts_train.txt", 3);
  int long_ones = 0;
  for (const BabiRawQuestion& q : raw.questions) {
    if (q.sentence_count <= 50) continue;
    ++long_ones;
    const BabiExample e = encode_babi_question(raw, q, d3.vocab, 50);
    REQUIRE(e.story.size() == 50u);
    const int first = q.sentence_count - 50;
    CHECK(e.story.back() == d3.vocab.ids(raw.stories[q.story].sentences[q.sentence_count - 1]));
    std::vector<int> expected;
    for (int s : q.supporting)
      if (s >= first) expected.push_back(s - first);
    CHECK(e.supporting == expected);
  }
  CHECK(long_ones > 0);

  opt.memory_size = 10;
  const BabiDataset d3small = load_babi({3}, opt);
  CHECK(d3small.max_story_len == 10);

  opt.memory_size = 50;
  const BabiDataset joint = load_babi(parse_babi_tasks("joint"), opt);
  CHECK(joint.train.size() == 18000u);
  CHECK(joint.valid.size() == 2000u);
  CHECK(joint.test.size() == 20000u);
  CHECK(joint.test.front().task == 1);
  CHECK(joint.test.back().task == 20);
  const BabiDataset d1 = load_babi({1}, opt);
  // Per-task split: task 1's validation questions are the same alone or in the joint set.
  CHECK(d1.valid.front().question.size() == joint.valid.front().question.size());
}

TEST_CASE(
    "bAbI real data: a missing en-10k file is named, with the task set that loads" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(shared);
  // A copy of the data (links) without en-10k task 3's training file, as a partial download leaves it.
  const mann::testing::TempDir copy("babi-partial");
  const std::string dir = copy.path().string();
  const std::string missing = "qa3_three-supporting-facts_train.txt";
  for (const char* set : {"en", "en-10k"}) {
    std::filesystem::create_directories(copy / set);
    for (const auto& entry : std::filesystem::directory_iterator(shared + "/" + set))
      if (std::string(set) != "en-10k" || entry.path().filename() != missing)
        std::filesystem::create_symlink(std::filesystem::absolute(entry.path()),
                                        copy / set / entry.path().filename());
  }
  BabiOptions opt;
  opt.data_dir = dir;
  opt.ten_k = true;
  const std::string msg = error_of([&] { load_babi({3}, opt); });
  INFO(msg);
  CHECK(msg.find("'qa3_three-supporting-facts_train.txt' (en-10k) not found") != std::string::npos);
  CHECK(msg.find(dir + "/en-10k/qa3_three-supporting-facts_train.txt") != std::string::npos);
  CHECK(msg.find(dir + "/babi/en-10k/qa3_three-supporting-facts_train.txt") != std::string::npos);
  CHECK(msg.find("tasks_1-20_v1-2.tar.gz") != std::string::npos);
  CHECK(msg.find("does not exist") == std::string::npos);  // the directory itself is there
  CHECK(msg.find("unpack so that " + dir + "/en-10k/qa3_three-supporting-facts_train.txt exists") !=
        std::string::npos);
  // In a task set the missing task is named, with the set that loads.
  const std::string joint = error_of([&] { load_babi(parse_babi_tasks("joint"), opt); });
  CHECK(joint.starts_with("bAbI data file 'qa3_three-supporting-facts_train.txt' (en-10k) not found"));
  CHECK(joint.find("\nTasks without their files: 3. To train on the others meanwhile: "
                   "--set dataset.task=1,2,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20") !=
        std::string::npos);
  // Other 10k tasks load.
  const BabiDataset d = load_babi({1}, opt);
  CHECK(d.train.size() == 9000u);
  CHECK(d.valid.size() == 1000u);
}

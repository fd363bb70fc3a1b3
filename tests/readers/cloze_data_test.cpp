// Cloze data for the readers: entity anonymisation, bAbI questions as clozes, the rc-data .question files
// (and their refusal with a reason), the story generator and the encoded corpus.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "datasets/babi/babi_dataset.h"
#include "datasets/babi/babi_parser.h"
#include "datasets/reading/babi_cloze.h"
#include "datasets/reading/cloze_corpus.h"
#include "datasets/reading/entity_anonymiser.h"
#include "datasets/reading/question_file.h"
#include "datasets/reading/story_generator.h"
#include "framework/autodiff/errors.h"
#include "tests/support/babi_data.h"

using namespace mann;

TEST_SUITE_BEGIN("readers");

namespace {

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

// Every entity word maps to one @entityN throughout the example, and distinct words to distinct ids.
void check_consistent(const std::vector<std::string>& original, const std::vector<std::string>& anonymised,
                      const std::set<std::string>& entities) {
  REQUIRE(original.size() == anonymised.size());
  std::map<std::string, std::string> forward, backward;
  for (size_t i = 0; i < original.size(); ++i) {
    if (!entities.count(original[i])) {
      CHECK(anonymised[i] == original[i]);
      continue;
    }
    CHECK(entity_number(anonymised[i]) >= 0);
    CHECK(forward.emplace(original[i], anonymised[i]).first->second == anonymised[i]);
    CHECK(backward.emplace(anonymised[i], original[i]).first->second == original[i]);
  }
}

const char* kSample =
    "http://www.cnn.com/2015/some/story\n"
    "\n"
    "@entity1 met @entity4 in @entity7 . later @entity4 flew home\n"
    "\n"
    "@placeholder met @entity4 in @entity7\n"
    "\n"
    "@entity1\n"
    "\n"
    "@entity1:Ada Lovelace\n"
    "@entity4:Charles Babbage\n"
    "@entity7:London\n";

}  // namespace

TEST_CASE(
    "anonymisation: one id per entity within an example, the answer's id, numbers renumbered per example") {
  const std::vector<std::string> document =
      words("mary went to the kitchen . john went to the garden . mary took the apple");
  const std::vector<std::string> query = words("mary is in @placeholder");
  const std::set<std::string> entities = {"mary", "john", "kitchen", "garden", "apple"};
  const EntityTest is_entity = [&](const std::string& w) { return entities.count(w) != 0; };
  const ClozeText plain = anonymise_entities(document, query, "kitchen", is_entity, nullptr);
  // Without a permutation, numbers follow first appearance.
  CHECK(plain.document[0] == "@entity0");
  CHECK(plain.document[4] == "@entity1");
  CHECK(plain.answer == "@entity1");
  CHECK(plain.names == std::vector<std::string>{"mary", "kitchen", "john", "garden", "apple"});
  std::set<std::vector<std::string>> numberings;
  Rng rng(3);
  for (int i = 0; i < 20; ++i) {
    const ClozeText t = anonymise_entities(document, query, "kitchen", is_entity, &rng);
    check_consistent(document, t.document, entities);
    check_consistent(query, t.query, entities);
    CHECK(t.query[0] == t.document[0]);  // mary in the query is mary of the document
    CHECK(t.answer == t.document[4]);    // the answer's id is the kitchen's
    CHECK(t.names[static_cast<size_t>(entity_number(t.answer))] == "kitchen");
    numberings.insert(t.document);
  }
  CHECK(numberings.size() > 10);  // renumbered per example
  CHECK(error_of([&] {
          anonymise_entities(document, query, "bathroom", is_entity, nullptr);
        }).find("not an entity of the document") != std::string::npos);
}

TEST_CASE(
    "a bAbI story becomes cloze questions: statements as the document, the question with @placeholder") {
  std::istringstream in(
      "1 Mary moved to the bathroom.\n"
      "2 John went to the hallway.\n"
      "3 Where is Mary?\tbathroom\t1\n"
      "4 Daniel picked up the football.\n"
      "5 Is John in the hallway?\tyes\t2\n"
      "6 What is Daniel carrying?\tfootball\t4\n"
      "7 Where is Sandra?\tkitchen\t1\n");
  const BabiFile file = parse_babi(in, 1, "sample");
  const std::set<std::string> entities = babi_entity_words(file);
  CHECK(entities ==
        std::set<std::string>{"mary", "john", "daniel", "bathroom", "hallway", "football", "kitchen"});
  CHECK(babi_cloze_query(words("where is mary")) == words("mary is in @placeholder"));
  CHECK(babi_cloze_query(words("what is daniel carrying")) == words("@placeholder is daniel carrying"));
  Rng rng(1);
  const AnonymisedBabi anonymised = anonymise_babi_file(file, 50, rng);
  // yes/no has no cloze form, nor does an answer the story never says (kitchen).
  CHECK(anonymised.skipped == 2);
  REQUIRE(anonymised.file.questions.size() == 2);
  const BabiRawQuestion& q = anonymised.file.questions[0];
  const BabiStory& story = anonymised.file.stories[static_cast<size_t>(q.story)];
  REQUIRE(story.sentences.size() == 2);
  CHECK(q.sentence_count == 2);
  CHECK(q.supporting == std::vector<int>{0});
  const std::string mary = story.sentences[0][0], bathroom = story.sentences[0][4];
  CHECK(entity_number(mary) >= 0);
  CHECK(story.sentences[0][1] == "moved");
  CHECK(q.question == std::vector<std::string>{mary, "is", "in", kPlaceholder});
  CHECK(q.answer == bathroom);

  // Encoded as bAbI (what MemN2N reads) and back to cloze text (what the readers read): the same question.
  BabiOptions options;
  options.valid_fraction = 0;
  const BabiDataset data = build_babi_dataset({anonymised.file}, {anonymised.file}, options);
  REQUIRE(data.train.size() == 2);
  const ClozeText first = babi_example_as_cloze(data.train[0], data.vocab);
  CHECK(first.document.size() == 12);  // two statements of five words, each with "."
  CHECK(first.document[0] == mary);
  CHECK(first.document[5] == ".");
  CHECK(first.query == q.question);
  CHECK(first.answer == bathroom);
  const ClozeText second = babi_example_as_cloze(data.train[1], data.vocab);
  CHECK(second.document.size() == 18);
  CHECK(second.query[0] == kPlaceholder);
  CHECK(second.query[2] == second.document[12]);  // daniel of the query is daniel of the document
  CHECK(second.answer == second.document[16]);    // the football
}

TEST_CASE("bAbI task 1 as clozes: every question has one, each numbered on its own" MANN_NEEDS_BABI_DATA) {
  MANN_BABI_DATA(babi);
  const BabiFile file = parse_babi_file(babi + "/en/qa1_single-supporting-fact_train.txt", 1);
  Rng rng(4);
  const AnonymisedBabi a = anonymise_babi_file(file, 50, rng);
  CHECK(a.skipped == 0);
  CHECK(a.file.questions.size() == file.questions.size());
  std::set<std::string> answers;
  for (const BabiRawQuestion& q : a.file.questions) answers.insert(q.answer);
  CHECK(answers.size() >= 6);  // places get different numbers in different questions
}

TEST_CASE("the rc-data question file format: read, renumbered, refused with the reason when malformed") {
  std::istringstream in(kSample);
  const ClozeText t = parse_question_file(in, "sample.question");
  CHECK(t.document.size() == 10);
  CHECK(t.query == words("@placeholder met @entity4 in @entity7"));
  CHECK(t.answer == "@entity1");
  REQUIRE(t.names.size() == 8);
  CHECK(t.names[4] == "Charles Babbage");
  Rng rng(5);
  const ClozeText r = renumber_entities(t, rng);
  CHECK(r.answer == r.document[0]);
  CHECK(r.query[2] == r.document[2]);
  CHECK(r.names[static_cast<size_t>(entity_number(r.answer))] == "Ada Lovelace");
  for (const std::string& w : r.document)
    if (entity_number(w) >= 0) CHECK(entity_number(w) < 3);  // three entities: numbers 0..2

  const auto refusal = [](std::string text) {
    std::istringstream bad(text);
    return error_of([&] { parse_question_file(bad, "bad.question"); });
  };
  const auto replaced = [](const std::string& from, const std::string& to) {
    std::string text = kSample;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  CHECK(refusal("http://x\n\nsome document\n").find("bad.question:4: the file ends before the blank line") ==
        0);
  CHECK(refusal(replaced("@placeholder met", "someone met")).find("@placeholder exactly once") !=
        std::string::npos);
  CHECK(refusal(replaced("\n@entity1\n\n", "\n@entity9\n\n")).find("does not occur in the document") !=
        std::string::npos);
  CHECK(refusal(replaced("\n@entity1\n\n", "\nAda\n\n"))
            .find("bad.question:7: the answer must be one @entityN") == 0);
  CHECK(refusal(replaced("@entity7:London", "London")).find("expected an entity line") != std::string::npos);
  CHECK(refusal(replaced("story\n\n", "story\nextra\n")).find("expected a blank line after the URL") !=
        std::string::npos);
  CHECK(error_of([] {
          question_files("/nonexistent", "cnn", "training", 0);
        }).find("/nonexistent/cnn/questions/training") != std::string::npos);
}

TEST_CASE(
    "generated stories: deterministic, answer an entity of the document, query asks about a document "
    "entity") {
  StoryGeneratorOptions o;
  Rng a(9), b(9);
  for (int i = 0; i < 50; ++i) {
    const ClozeText s = generate_story_cloze(o, a);
    CHECK(s.document == generate_story_cloze(o, b).document);
    CHECK(std::count(s.query.begin(), s.query.end(), std::string(kPlaceholder)) == 1);
    CHECK(std::find(s.document.begin(), s.document.end(), s.answer) != s.document.end());
    const std::string subject = *std::find_if(s.query.begin(), s.query.end(),
                                              [](const std::string& w) { return entity_number(w) >= 0; });
    CHECK(std::find(s.document.begin(), s.document.end(), subject) != s.document.end());
  }
  o.min_facts = 5;
  o.max_facts = 4;
  CHECK(error_of([&] { check_story_options(o); }).find("min_facts <= max_facts") != std::string::npos);
}

TEST_CASE("the cloze corpus: one vocabulary, entity ids, candidates of each document") {
  Rng rng(2);
  std::vector<ClozeText> texts;
  for (int i = 0; i < 6; ++i) texts.push_back(generate_story_cloze({}, rng));
  const ClozeCorpus c = build_cloze_corpus({texts[0], texts[1]}, {texts[2]}, {texts[3], texts[4], texts[5]});
  CHECK(c.train.size() == 2);
  CHECK(c.test.size() == 3);
  for (const ClozeExample& e : c.train) {
    CHECK(std::binary_search(e.candidates.begin(), e.candidates.end(), e.answer));
    CHECK(c.vocab.word(e.document[0]) == e.text.document[0]);
    for (int k : e.candidates) CHECK(k < c.entities);
  }
  CHECK(c.entity_word(0) == c.vocab.id("@entity0"));
  CHECK(error_of([&] { build_cloze_corpus({texts[0]}, {}, {texts[1]}); }).find("every split") !=
        std::string::npos);
}

TEST_SUITE_END();

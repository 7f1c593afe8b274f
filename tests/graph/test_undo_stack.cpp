// UndoStack (boardscape/undo_stack.hpp): the two stacks and the saved point behind "unsaved".
#include "boardscape/undo_stack.hpp"

#include <doctest/doctest.h>

#include <string>

using boardscape::UndoStack;

TEST_CASE("undo stack: steps move between the sides in order") {
    UndoStack<std::string> s;
    CHECK_FALSE(s.can_undo());
    CHECK(s.next_undo() == nullptr);
    s.record("a");
    s.record("b");
    REQUIRE(s.next_undo());
    CHECK(*s.next_undo() == "b");
    s.undone();
    CHECK(*s.next_undo() == "a");
    CHECK(*s.next_redo() == "b");
    s.undone();
    CHECK_FALSE(s.can_undo());
    CHECK(*s.next_redo() == "a");
    s.redone();
    CHECK(*s.next_undo() == "a");
    CHECK(*s.next_redo() == "b");
    s.record("c");  // a new step drops the redo side
    CHECK_FALSE(s.can_redo());
    CHECK(*s.next_undo() == "c");
    s.undone();
    s.undone();
    s.undone();  // nothing left: no effect
    CHECK(*s.next_redo() == "a");
}

TEST_CASE("undo stack: dirty follows the saved point, and a lost saved point stays dirty") {
    UndoStack<int> s;
    CHECK_FALSE(s.dirty());  // a fresh document is clean
    s.record(1);
    CHECK(s.dirty());
    s.undone();
    CHECK_FALSE(s.dirty());  // back at the start
    s.redone();
    s.record(2);
    s.mark_saved();  // saved after two steps
    CHECK_FALSE(s.dirty());
    s.undone();
    CHECK(s.dirty());
    s.redone();
    CHECK_FALSE(s.dirty());
    // Undo past the save, then do something else: the saved state can no longer be reached.
    s.undone();
    s.undone();
    s.record(3);
    CHECK(s.dirty());
    s.undone();
    CHECK(s.dirty());
    s.clear();
    CHECK_FALSE(s.dirty());
    CHECK_FALSE(s.can_undo());
    CHECK_FALSE(s.can_redo());
}

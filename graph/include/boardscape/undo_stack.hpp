// The undo/redo bookkeeping shared by the library's History (steps are Edits) and the viewer
// (steps are its commands, node moves included): two stacks of steps and the depth at which
// the document was last saved, so "unsaved" is exact — undoing back to the saved state makes
// the document clean again, and a new step after undoing past it makes that state unreachable.
// A step is whatever the owner needs to go both ways (typically its forward action and its
// inverse); the owner applies it and then tells the stack with undone() / redone().
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace boardscape {

template <class Step>
class UndoStack {
public:
    /// A step just applied: it becomes the next undo; the redo side is dropped.
    void record(Step s) {
        if (m_saved_depth && *m_saved_depth > m_done.size()) m_saved_depth.reset();
        m_done.push_back(std::move(s));
        m_undone.clear();
    }
    bool can_undo() const { return !m_done.empty(); }
    bool can_redo() const { return !m_undone.empty(); }
    /// The step an undo would revert / a redo would re-apply (nullptr when none).
    const Step* next_undo() const { return m_done.empty() ? nullptr : &m_done.back(); }
    const Step* next_redo() const { return m_undone.empty() ? nullptr : &m_undone.back(); }
    /// The owner has reverted next_undo(): it moves to the redo side.
    void undone() { move_top(m_done, m_undone); }
    /// The owner has re-applied next_redo(): it moves back to the undo side.
    void redone() { move_top(m_undone, m_done); }
    /// True when the document differs from the last mark_saved() (or the start).
    bool dirty() const { return !m_saved_depth || *m_saved_depth != m_done.size(); }
    void mark_saved() { m_saved_depth = m_done.size(); }
    void clear() {
        m_done.clear();
        m_undone.clear();
        m_saved_depth = 0;
    }

private:
    static void move_top(std::vector<Step>& from, std::vector<Step>& to) {
        if (from.empty()) return;
        to.push_back(std::move(from.back()));
        from.pop_back();
    }
    std::vector<Step> m_done;
    std::vector<Step> m_undone;
    /// Depth of m_done at the last save; nullopt when that state can no longer be reached.
    std::optional<std::size_t> m_saved_depth = 0;
};

}  // namespace boardscape

// Errors: why a file could not be opened (every diagnostic with its JSON pointer or line and
// column), load warnings, and failures of export or save. Shown only when there is something
// to report; the current map stays open underneath.
#pragma once

#include "panels/panel.hpp"

namespace boardscape::viewer {

struct ErrorReport {
    std::string heading;             // "Could not open landscape.json"
    std::vector<std::string> lines;  // one diagnostic each
};

class ErrorsPanel : public Panel {
public:
    ErrorsPanel();
    void show(ErrorReport r) {
        m_report = std::move(r);
        visible = true;
    }
    void clear() { m_report = {}; }
    const ErrorReport& report() const { return m_report; }

protected:
    void draw_contents(PanelContext& ctx) override;
    bool has_contents(const PanelContext&) const override { return !m_report.heading.empty(); }
    void on_closed() override { clear(); }

private:
    ErrorReport m_report;
};

}  // namespace boardscape::viewer

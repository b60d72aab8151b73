//! Guidance from the source documents for the school itself: `advise` says, per scenario of using
//! video or images of pupils, whether parental consent is needed, on which basis the school relies
//! and what it must do (`scenarios`, rendered by `advise`). It reads no catalogue. `notice`
//! drafts the letter to parents for one vendor offering from its evaluation (`notice` builds it,
//! with the sentences of `phrases`; `render` writes it as Markdown, HTML, plain text or a Word document). The
//! commands that run them are in `crate::commands`.

pub mod advise;
mod docx;
pub mod notice;
pub mod phrases;
pub mod render;
pub mod scenarios;

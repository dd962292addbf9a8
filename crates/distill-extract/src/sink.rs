//! The tree html5ever builds into: a plain arena of nodes linked by index, with no
//! per-element work beyond what the spec's tree construction needs (no class or id
//! caches, no selector support). [`crate::dom::Dom`] flattens it.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, QualName};

/// An arena index.
pub type Id = usize;

/// The document node's index.
pub const DOCUMENT: Id = 0;

/// What a node holds.
pub enum Data {
    /// The document, or a template's content fragment.
    Document,
    /// An element with its attributes.
    Element {
        /// Its name.
        name: QualName,
        /// Its attributes.
        attrs: Vec<Attribute>,
    },
    /// Text.
    Text(StrTendril),
    /// Comments, processing instructions, doctypes: kept out of the text.
    Other,
}

/// One node and its links.
pub struct ArenaNode {
    /// Parent, if attached.
    pub parent: Option<Id>,
    /// First child.
    pub first_child: Option<Id>,
    last_child: Option<Id>,
    prev: Option<Id>,
    /// Next sibling.
    pub next: Option<Id>,
    /// Content.
    pub data: Data,
}

impl ArenaNode {
    fn new(data: Data) -> ArenaNode {
        ArenaNode { parent: None, first_child: None, last_child: None, prev: None, next: None, data }
    }
}

/// Builds the arena while html5ever parses.
pub struct Sink {
    nodes: RefCell<Vec<ArenaNode>>,
    /// Template element → its content fragment.
    templates: RefCell<std::collections::HashMap<Id, Id>>,
}

impl Default for Sink {
    fn default() -> Sink {
        let mut nodes = Vec::with_capacity(2048);
        nodes.push(ArenaNode::new(Data::Document));
        Sink { nodes: RefCell::new(nodes), templates: RefCell::default() }
    }
}

impl Sink {
    fn push(&self, data: Data) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(ArenaNode::new(data));
        nodes.len() - 1
    }
}

fn detach(nodes: &mut [ArenaNode], id: Id) {
    let (parent, prev, next) = (nodes[id].parent, nodes[id].prev, nodes[id].next);
    if let Some(p) = prev {
        nodes[p].next = next;
    } else if let Some(parent) = parent {
        nodes[parent].first_child = next;
    }
    if let Some(n) = next {
        nodes[n].prev = prev;
    } else if let Some(parent) = parent {
        nodes[parent].last_child = prev;
    }
    let node = &mut nodes[id];
    node.parent = None;
    node.prev = None;
    node.next = None;
}

fn append_child(nodes: &mut [ArenaNode], parent: Id, child: Id) {
    detach(nodes, child);
    let last = nodes[parent].last_child;
    nodes[child].parent = Some(parent);
    nodes[child].prev = last;
    match last {
        Some(l) => nodes[l].next = Some(child),
        None => nodes[parent].first_child = Some(child),
    }
    nodes[parent].last_child = Some(child);
}

fn insert_before(nodes: &mut [ArenaNode], sibling: Id, child: Id) {
    detach(nodes, child);
    let (parent, prev) = (nodes[sibling].parent, nodes[sibling].prev);
    nodes[child].parent = parent;
    nodes[child].prev = prev;
    nodes[child].next = Some(sibling);
    nodes[sibling].prev = Some(child);
    match prev {
        Some(p) => nodes[p].next = Some(child),
        None => {
            if let Some(parent) = parent {
                nodes[parent].first_child = Some(child);
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Vec<ArenaNode>;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Vec<ArenaNode> {
        self.nodes.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            Data::Element { name, .. } => name,
            _ => panic!("html5ever asked for the name of a non-element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        let id = self.push(Data::Element { name, attrs });
        if flags.template {
            let contents = self.push(Data::Document);
            self.templates.borrow_mut().insert(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.push(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => append_child(&mut nodes, *parent, node),
            NodeOrText::AppendText(text) => {
                if let Some(last) = nodes[*parent].last_child
                    && let Data::Text(existing) = &mut nodes[last].data
                {
                    existing.push_tendril(&text);
                    return;
                }
                nodes.push(ArenaNode::new(Data::Text(text)));
                let id = nodes.len() - 1;
                append_child(&mut nodes, *parent, id);
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        self.templates.borrow().get(target).copied().unwrap_or(*target)
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        let mut nodes = self.nodes.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => insert_before(&mut nodes, *sibling, node),
            NodeOrText::AppendText(text) => {
                if let Some(prev) = nodes[*sibling].prev
                    && let Data::Text(existing) = &mut nodes[prev].data
                {
                    existing.push_tendril(&text);
                    return;
                }
                nodes.push(ArenaNode::new(Data::Text(text)));
                let id = nodes.len() - 1;
                insert_before(&mut nodes, *sibling, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element { attrs: existing, .. } = &mut nodes[*target].data {
            for attr in attrs {
                if !existing.iter().any(|a| a.name == attr.name) {
                    existing.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(child) = nodes[*node].first_child {
            append_child(&mut nodes, *new_parent, child);
        }
    }
}

/// Parses a whole document into the arena.
pub fn parse(html: &str) -> Vec<ArenaNode> {
    use html5ever::tendril::TendrilSink;
    html5ever::parse_document(Sink::default(), Default::default()).one(html)
}

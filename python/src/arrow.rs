//! The annotations of a batch of texts as Arrow buffers, for `newsnlp.spark`.
//!
//! Spark hands a Python worker Arrow batches and takes Arrow batches back. Building the result
//! from `to_dict()` made a Python dict per mention and then had pyarrow read them all again:
//! two thirds of a worker's time went there, and a batch of 10,000 articles took a gigabyte.
//! Here each field of `newsnlp.spark.SCHEMA` is written straight into its Arrow layout (32-bit
//! little-endian values, UTF-8 bytes with 32-bit offsets, validity bitmaps), and
//! `newsnlp/spark.py` wraps the buffers with `pyarrow.Array.from_buffers`, without a copy.

use crate::{Mention, Quote, Results};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// One Arrow column being written.
struct Column {
    name: &'static str,
    /// The values: `i32`s, or the strings' UTF-8 bytes.
    data: Vec<u8>,
    /// For strings, `len + 1` `i32` offsets into `data`.
    offsets: Option<Vec<u8>>,
    /// One bit a value, least significant first; set where the value is not null.
    validity: Vec<u8>,
    len: usize,
    nulls: usize,
}

/// Arrow's 32-bit offsets cannot address more than this.
fn to_i32(value: usize) -> Result<i32, String> {
    i32::try_from(value).map_err(|_| {
        "a batch's annotations exceed the 2 GiB that Arrow's 32-bit offsets reach: \
         lower spark.sql.execution.arrow.maxRecordsPerBatch"
            .to_string()
    })
}

impl Column {
    fn ints(name: &'static str) -> Column {
        Column { name, data: Vec::new(), offsets: None, validity: Vec::new(), len: 0, nulls: 0 }
    }

    fn strings(name: &'static str) -> Column {
        Column { offsets: Some(0i32.to_le_bytes().to_vec()), ..Column::ints(name) }
    }

    fn valid(&mut self, valid: bool) {
        if self.len.is_multiple_of(8) {
            self.validity.push(0);
        }
        if valid {
            self.validity[self.len / 8] |= 1 << (self.len % 8);
        } else {
            self.nulls += 1;
        }
        self.len += 1;
    }

    fn int(&mut self, value: Option<usize>) -> Result<(), String> {
        self.data.extend(to_i32(value.unwrap_or(0))?.to_le_bytes());
        self.valid(value.is_some());
        Ok(())
    }

    fn string(&mut self, value: Option<&str>) -> Result<(), String> {
        self.data.extend(value.unwrap_or("").as_bytes());
        let end = to_i32(self.data.len())?;
        self.offsets.as_mut().expect("a string column").extend(end.to_le_bytes());
        self.valid(value.is_some());
        Ok(())
    }

    /// `(validity or None, offsets or None, data)`, as `pyarrow.Array.from_buffers` takes them.
    fn into_py<'py>(self, py: Python<'py>) -> Bound<'py, PyAny> {
        let validity = (self.nulls > 0).then(|| PyBytes::new(py, &self.validity));
        let offsets = self.offsets.map(|offsets| PyBytes::new(py, &offsets));
        (validity, offsets, PyBytes::new(py, &self.data)).into_pyobject(py).expect("a tuple").into_any()
    }
}

/// A list of structs: the list offsets and one column per field.
struct Lists {
    offsets: Vec<u8>,
    fields: Vec<Column>,
}

impl Lists {
    fn new(fields: Vec<Column>) -> Lists {
        Lists { offsets: 0i32.to_le_bytes().to_vec(), fields }
    }

    /// Ends the list of one text.
    fn close(&mut self) -> Result<(), String> {
        let len = self.fields.first().map_or(0, |field| field.len);
        self.offsets.extend(to_i32(len)?.to_le_bytes());
        Ok(())
    }

    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let fields = PyDict::new(py);
        for field in self.fields {
            fields.set_item(field.name, field.into_py(py))?;
        }
        let dict = PyDict::new(py);
        dict.set_item("offsets", PyBytes::new(py, &self.offsets))?;
        dict.set_item("fields", fields)?;
        Ok(dict)
    }
}

/// The `entities` and `quotes` of a batch, field by field.
pub(crate) struct Columns {
    entities: Lists,
    quotes: Lists,
}

impl Columns {
    pub(crate) fn new(results: &[Results]) -> Result<Columns, String> {
        let ints = Column::ints;
        let strings = Column::strings;
        let mut entities = Lists::new(vec![
            ints("start"),
            ints("end"),
            ints("start_byte"),
            ints("end_byte"),
            strings("label"),
            strings("text"),
            ints("entity"),
            strings("name"),
            strings("rule"),
        ]);
        let mut quotes = Lists::new(vec![
            ints("start"),
            ints("end"),
            ints("start_byte"),
            ints("end_byte"),
            strings("text"),
            strings("speaker"),
            ints("speaker_start"),
            ints("speaker_end"),
            ints("speaker_start_byte"),
            ints("speaker_end_byte"),
            ints("speaker_entity"),
            strings("cue"),
            ints("cue_start"),
            ints("cue_end"),
            ints("cue_start_byte"),
            ints("cue_end_byte"),
            strings("rule"),
        ]);
        for result in results {
            for mention in &result.mentions {
                push_mention(&mut entities.fields, mention)?;
            }
            entities.close()?;
            for quote in &result.quotes {
                push_quote(&mut quotes.fields, quote)?;
            }
            quotes.close()?;
        }
        Ok(Columns { entities, quotes })
    }

    /// `{"entities": {"offsets": bytes, "fields": {name: buffers}}, "quotes": {...}}`.
    pub(crate) fn into_py_dict(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("entities", self.entities.into_py(py)?)?;
        dict.set_item("quotes", self.quotes.into_py(py)?)?;
        Ok(dict)
    }
}

/// Appends a mention to the columns of `ENTITY`, in their order.
fn push_mention(fields: &mut [Column], m: &Mention) -> Result<(), String> {
    let [start, end, start_byte, end_byte, label, text, entity, name, rule] = fields else {
        unreachable!("the entity columns")
    };
    start.int(Some(m.start))?;
    end.int(Some(m.end))?;
    start_byte.int(Some(m.start_byte))?;
    end_byte.int(Some(m.end_byte))?;
    label.string(Some(m.label))?;
    text.string(Some(&m.text))?;
    entity.int(Some(m.entity))?;
    name.string(Some(&m.name))?;
    rule.string(Some(m.rule))
}

/// Appends a quote to the columns of `QUOTE`, in their order.
fn push_quote(fields: &mut [Column], q: &Quote) -> Result<(), String> {
    let [
        start,
        end,
        start_byte,
        end_byte,
        text,
        speaker,
        speaker_start,
        speaker_end,
        speaker_start_byte,
        speaker_end_byte,
        speaker_entity,
        cue,
        cue_start,
        cue_end,
        cue_start_byte,
        cue_end_byte,
        rule,
    ] = fields
    else {
        unreachable!("the quote columns")
    };
    start.int(Some(q.start))?;
    end.int(Some(q.end))?;
    start_byte.int(Some(q.start_byte))?;
    end_byte.int(Some(q.end_byte))?;
    text.string(Some(&q.text))?;
    speaker.string(q.speaker.as_deref())?;
    speaker_start.int(q.speaker_start)?;
    speaker_end.int(q.speaker_end)?;
    speaker_start_byte.int(q.speaker_start_byte)?;
    speaker_end_byte.int(q.speaker_end_byte)?;
    speaker_entity.int(q.speaker_entity)?;
    cue.string(q.cue.as_deref())?;
    cue_start.int(q.cue_start)?;
    cue_end.int(q.cue_end)?;
    cue_start_byte.int(q.cue_start_byte)?;
    cue_end_byte.int(q.cue_end_byte)?;
    rule.string(Some(q.rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_arrows_layout() {
        let mut ints = Column::ints("n");
        let mut strings = Column::strings("s");
        for (i, value) in [Some(7), None, Some(9)].into_iter().enumerate() {
            ints.int(value).unwrap();
            strings.string(value.map(|_| ["ab", "", "é"][i])).unwrap();
        }
        assert_eq!(ints.data, [7, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0]);
        assert_eq!((ints.validity.as_slice(), ints.nulls), (&[0b101][..], 1));
        assert_eq!(strings.data, "abé".as_bytes());
        assert_eq!(strings.offsets.unwrap(), [0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0]);
        assert_eq!(strings.validity, [0b101]);
        assert!(to_i32(1 << 31).is_err());
    }
}

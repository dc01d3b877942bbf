//! A small blocking connection pool: connections are made on demand up to a maximum and
//! handed back on drop. Both backends use it (SQLite for its readers, PostgreSQL for all
//! connections), so the server's blocking threads never share a connection.

use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, PoisonError};

pub(crate) struct Pool<C> {
    idle: Mutex<PoolState<C>>,
    returned: Condvar,
    max: usize,
    connect: Box<dyn Fn() -> crate::Result<C> + Send + Sync>,
}

struct PoolState<C> {
    idle: Vec<C>,
    open: usize,
}

impl<C> Pool<C> {
    pub(crate) fn new(max: usize, connect: impl Fn() -> crate::Result<C> + Send + Sync + 'static) -> Pool<C> {
        Pool {
            idle: Mutex::new(PoolState { idle: Vec::new(), open: 0 }),
            returned: Condvar::new(),
            max: max.max(1),
            connect: Box::new(connect),
        }
    }

    /// A connection: an idle one, a new one while under the maximum, or the next one
    /// handed back.
    pub(crate) fn get(&self) -> crate::Result<Pooled<'_, C>> {
        let mut state = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(connection) = state.idle.pop() {
                return Ok(Pooled { pool: self, connection: Some(connection) });
            }
            if state.open < self.max {
                state.open += 1;
                drop(state);
                return match (self.connect)() {
                    Ok(connection) => Ok(Pooled { pool: self, connection: Some(connection) }),
                    Err(error) => {
                        self.idle.lock().unwrap_or_else(PoisonError::into_inner).open -= 1;
                        self.returned.notify_one();
                        Err(error)
                    }
                };
            }
            state = self.returned.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

pub(crate) struct Pooled<'a, C> {
    pool: &'a Pool<C>,
    connection: Option<C>,
}

impl<C> Pooled<'_, C> {
    /// Closes this connection instead of handing it back (after a broken connection).
    pub(crate) fn discard(mut self) {
        self.connection = None;
    }
}

impl<C> Deref for Pooled<'_, C> {
    type Target = C;
    fn deref(&self) -> &C {
        self.connection.as_ref().expect("a pooled connection is present until dropped")
    }
}

impl<C> DerefMut for Pooled<'_, C> {
    fn deref_mut(&mut self) -> &mut C {
        self.connection.as_mut().expect("a pooled connection is present until dropped")
    }
}

impl<C> Drop for Pooled<'_, C> {
    fn drop(&mut self) {
        let mut state = self.pool.idle.lock().unwrap_or_else(PoisonError::into_inner);
        match self.connection.take() {
            Some(connection) => state.idle.push(connection),
            None => state.open -= 1,
        }
        drop(state);
        self.pool.returned.notify_one();
    }
}

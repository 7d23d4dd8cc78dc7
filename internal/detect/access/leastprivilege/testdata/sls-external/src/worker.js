exports.handler = async (event) => {
  if (!event.ok) {
    throw new Error('failed: the platform publishes the event to the onError topic');
  }
  return event;
};
